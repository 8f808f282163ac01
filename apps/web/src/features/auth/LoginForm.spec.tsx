/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../../i18n/i18n';
import type { AuthApi, Credentials, LoginOutcome } from './auth-api';
import { LoginForm } from './LoginForm';

/** A sign-in API that answers what the test says and records what it was sent. */
function answering(outcome: LoginOutcome) {
  const sent: Credentials[] = [];
  const auth: AuthApi = {
    logIn: async (credentials) => {
      sent.push(credentials);
      return outcome;
    },
    me: async () => {
      throw new Error('not called');
    },
  };
  return { auth, sent };
}

function renderForm(auth: AuthApi, language: Language = 'en') {
  const signedIn: string[] = [];
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <LoginForm auth={auth} onSignedIn={(token) => signedIn.push(token)} />
    </I18nextProvider>,
  );
  return signedIn;
}

async function fillAndSubmit(values: Credentials, submit = 'Sign in') {
  fireEvent.change(screen.getByLabelText('Network'), { target: { value: values.network } });
  fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: values.email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: values.password } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: submit })));
}

describe('the login form', () => {
  const typed = { network: 'alumni-test', email: 'not-an-address', password: 'secret-password' };

  it('shows a server’s field problem beside its field, keeps what was typed, and says the form needs correcting', async () => {
    const { auth, sent } = answering({
      kind: 'rejected',
      error: { statusCode: 400, error: 'Bad Request', message: 'Invalid request.', details: [{ path: 'email', issue: 'email must be an email' }] },
    });
    const signedIn = renderForm(auth);
    await fillAndSubmit(typed);

    expect(sent).toEqual([typed]);
    expect(signedIn).toEqual([]);
    const email = screen.getByLabelText('E-mail address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email).toHaveProperty('value', 'not-an-address');
    const describedBy = (email.getAttribute('aria-describedby') ?? '').split(' ');
    const problem = screen.getByText('email must be an email');
    expect(describedBy).toContain(problem.id);
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Some fields need correcting.');
  });

  it('shows a general message when no field is at fault, in the chosen language', async () => {
    const { auth } = answering({ kind: 'rejected', error: { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials.', details: [] } });
    renderForm(auth, 'fr');
    fireEvent.change(screen.getByLabelText('Réseau'), { target: { value: typed.network } });
    fireEvent.change(screen.getByLabelText('Adresse e-mail'), { target: { value: 'camille@example.org' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: typed.password } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Se connecter' })));

    expect(screen.getByRole('alert').textContent).toBe('Réseau, adresse ou mot de passe incorrect.');
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('aria-invalid')).toBeNull();
  });

  it('says the service is unreachable when no answer comes', async () => {
    const { auth } = answering({ kind: 'unreachable' });
    renderForm(auth);
    await fillAndSubmit(typed);
    expect(screen.getByRole('alert').textContent).toBe('The service cannot be reached. Check your connection and try again.');
  });

  it('hands the access token over on success', async () => {
    const { auth } = answering({ kind: 'signed-in', accessToken: 'a.b.c' });
    const signedIn = renderForm(auth);
    await fillAndSubmit({ ...typed, email: 'camille@example.org' });
    expect(signedIn).toEqual(['a.b.c']);
  });
});
