/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { AuthApi, Member } from '../features/auth/auth-api';
import { createI18n } from '../i18n/i18n';
import { App } from './App';

const camille: Member = {
  id: '7b0c9a52-3f1e-4b8e-9a51-2c6f0d4e8a11',
  networkId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516',
  email: 'camille.durand@example.org',
  displayName: 'Camille Durand',
  graduationYear: 2012,
  degree: null,
  industry: null,
  employer: null,
  city: null,
  country: null,
  timeZone: null,
  languages: ['fr'],
  bio: null,
  roles: ['mentor'],
};

describe('the application’s shell', () => {
  it('opens in French, switches to English, and after a sign-in shows who is signed in, storing no token', async () => {
    const tokensAskedFor: string[] = [];
    const auth: AuthApi = {
      logIn: async () => ({ kind: 'signed-in', accessToken: 'header.payload.signature' }),
      me: async (token) => {
        tokensAskedFor.push(token);
        return camille;
      },
    };
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <App auth={auth} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Connexion');

    await act(async () => fireEvent.change(screen.getByLabelText('Langue'), { target: { value: 'en' } }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.change(screen.getByLabelText('Network'), { target: { value: 'alumni-test' } });
    fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: camille.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a-long-password' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));

    expect(await screen.findByText('Signed in as Camille Durand (camille.durand@example.org)')).toBeTruthy();
    expect(tokensAskedFor).toEqual(['header.payload.signature']);
    expect([localStorage.length, sessionStorage.length, document.cookie]).toEqual([0, 0, '']);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
  });
});
