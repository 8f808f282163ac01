import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A thread of a programme's forum: its title and opening text, and the organizers' moderation. */
@Entity({ name: 'forum_threads' })
export class ForumThreadEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'program_id' })
  programId: string;

  /** Null once the author erased their account, with the title and body. */
  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { nullable: true })
  body: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_post_at' })
  lastPostAt: Date;

  @Column('timestamptz', { name: 'locked_at', nullable: true })
  lockedAt: Date | null;

  @Column('uuid', { name: 'locked_by', nullable: true })
  lockedBy: string | null;

  @Column('timestamptz', { name: 'hidden_at', nullable: true })
  hiddenAt: Date | null;

  @Column('uuid', { name: 'hidden_by', nullable: true })
  hiddenBy: string | null;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
