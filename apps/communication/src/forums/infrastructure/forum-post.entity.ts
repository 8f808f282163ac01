import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reply in a forum thread. */
@Entity({ name: 'forum_posts' })
export class ForumPostEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'thread_id' })
  threadId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once the author erased their account; the body goes too and `erasedAt` is the placeholder. */
  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('text', { nullable: true })
  body: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'hidden_at', nullable: true })
  hiddenAt: Date | null;

  @Column('uuid', { name: 'hidden_by', nullable: true })
  hiddenBy: string | null;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
