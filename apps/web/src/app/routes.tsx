import type { RouteObject } from 'react-router';
import { ProfilePage } from '../features/account/ProfilePage';
import { AcceptInvitationPage } from '../features/auth/AcceptInvitationPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { VerifyEmailPage } from '../features/auth/VerifyEmailPage';
import { ConversationPage } from '../features/conversations/ConversationPage';
import { ConversationsLayout } from '../features/conversations/ConversationsLayout';
import { ConversationsPage } from '../features/conversations/ConversationsPage';
import { FeedbackFormPage } from '../features/feedback/FeedbackFormPage';
import { SurveysPage } from '../features/feedback/SurveysPage';
import { HomePage } from '../features/home/HomePage';
import { MatchesPage } from '../features/matches/MatchesPage';
import { SuggestionsPage } from '../features/matches/SuggestionsPage';
import { ProposeSessionPage } from '../features/sessions/ProposeSessionPage';
import { SessionPage } from '../features/sessions/SessionPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './session';

/**
 * Every page of the application. Public pages (signing in, the links mails
 * carry) need no session; member pages send a signed-out person to the login
 * page and back. A feature adds its pages to one of the two lists.
 */
const publicPages: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/verify-email', element: <VerifyEmailPage /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
];

const memberPages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'matches', children: [{ index: true, element: <MatchesPage /> }, { path: 'suggestions/:programId', element: <SuggestionsPage /> }] },
  { path: 'messages', element: <ConversationsLayout />, children: [{ index: true, element: <ConversationsPage /> }, { path: ':conversationId', element: <ConversationPage /> }] },
  { path: 'sessions', children: [{ index: true, element: <SessionsPage /> }, { path: 'new', element: <ProposeSessionPage /> }, { path: ':sessionId', element: <SessionPage /> }] },
  { path: 'surveys', children: [{ index: true, element: <SurveysPage /> }, { path: ':form/:target', element: <FeedbackFormPage /> }] },
  { path: 'profile', element: <ProfilePage /> },
];

export const routes: RouteObject[] = [
  { element: <Layout signedIn={false} />, children: [...publicPages, { path: '*', element: <NotFoundPage /> }] },
  { element: <RequireSession />, children: [{ element: <Layout signedIn />, children: memberPages }] },
];
