/**
 * @jest-environment ./tools/testing/web.environment.js
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { problem, renderSignedIn } from '../../app/test-wiring';
import { post, programme, programmeId, thread, threadId } from './fixtures';

const page = <T,>(items: T[], nextCursor: string | null = null) => ({ status: 200, body: { items, nextCursor } });

describe('the forum', () => {
  it('shows a discussion with its authors, keeps a refused reply beside its field, and posts the corrected one', async () => {
    const replies = [post('0190c5d2-0000-7000-8000-000000000001', {}), post('0190c5d2-0000-7000-8000-000000000002', { erased: true, authorId: null, authorName: null, body: null })];
    const { calls } = renderSignedIn(`/cohort/${programmeId}/forum/${threadId}`, ({ method, path, body }) => {
      if (path === `/v1/programs/${programmeId}`) return { status: 200, body: programme };
      if (path === `/v1/forums/threads/${threadId}`) return { status: 200, body: thread };
      if (method === 'GET' && path === `/v1/forums/threads/${threadId}/posts`) return page(replies);
      if (method === 'POST' && path === `/v1/forums/threads/${threadId}/posts`) {
        const text = (body as { body: string }).body;
        if (text.length > 20) return { status: 400, body: problem(400, [{ path: 'body', issue: 'must be at most 20 characters' }]) };
        replies.push(post('0190c5d2-0000-7000-8000-000000000003', { authorName: 'Camille Durand', body: text }));
        return { status: 201, body: replies[2] };
      }
      return undefined;
    });

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Préparer un premier entretien');
    expect(screen.getByText(/^par Camille Durand, le/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Réponses' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^par Inès Martin, le .*Répéter à voix haute\.$/),
      expect.stringMatching(/^par Compte supprimé, le .*Message supprimé avec le compte de son auteur\.$/),
    ]);

    const box = screen.getByLabelText('Votre réponse');
    fireEvent.change(box, { target: { value: 'Une réponse bien trop longue pour passer' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Répondre' })));
    expect(await screen.findByText('must be at most 20 characters')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(screen.getByText('must be at most 20 characters').id);
    expect((box as HTMLTextAreaElement).value).toBe('Une réponse bien trop longue pour passer');
    expect(screen.getByRole('alert').textContent).toBe('Certains champs sont à corriger.');

    fireEvent.change(box, { target: { value: 'Merci !' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Répondre' })));
    expect(await screen.findByText('Merci !')).toBeTruthy();
    expect((box as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByText('Votre réponse est publiée.')).toBeTruthy();
    expect(calls().filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([{ body: 'Une réponse bien trop longue pour passer' }, { body: 'Merci !' }]);
  });

  it('starts a discussion with what was typed and opens it', async () => {
    const { calls, router } = renderSignedIn(`/cohort/${programmeId}/forum`, ({ method, path }) => {
      if (path === `/v1/programs/${programmeId}`) return { status: 200, body: programme };
      if (method === 'GET' && path === `/v1/forums/programs/${programmeId}/threads`) return page([]);
      if (method === 'POST' && path === `/v1/forums/programs/${programmeId}/threads`) return { status: 201, body: thread };
      if (path === `/v1/forums/threads/${threadId}`) return { status: 200, body: thread };
      if (path === `/v1/forums/threads/${threadId}/posts`) return page([]);
      return undefined;
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Forum : Carrières de la donnée');
    expect(screen.getByText('Aucune discussion pour l’instant. Lancez la première !')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Titre'), { target: { value: 'Préparer un premier entretien' } });
    fireEvent.change(screen.getByLabelText('Votre message'), { target: { value: 'Qu’est-ce qui vous a le plus aidé ?' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Publier la discussion' })));

    expect(await screen.findByRole('heading', { level: 1, name: 'Préparer un premier entretien' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/cohort/${programmeId}/forum/${threadId}`);
    expect(calls().find((call) => call.method === 'POST')?.body).toEqual({ title: 'Préparer un premier entretien', body: 'Qu’est-ce qui vous a le plus aidé ?' });
  });

  it('tells someone outside the cohort that the programme is not theirs, not that something failed', async () => {
    renderSignedIn(`/cohort/${programmeId}/forum`, ({ path }) => (path === `/v1/programs/${programmeId}` ? { status: 200, body: programme } : undefined));
    expect(await screen.findByText('Ce programme n’existe pas, ou vous ne faites pas partie de sa cohorte.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
  });
});
