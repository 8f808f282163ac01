import type { RouteObject } from 'react-router';
import { ProfilePage } from '../features/account/ProfilePage';
import { AcceptInvitationPage } from '../features/auth/AcceptInvitationPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ConversationPage } from '../features/conversations/ConversationPage';
import { ConversationsLayout } from '../features/conversations/ConversationsLayout';
import { ConversationsPage } from '../features/conversations/ConversationsPage';
import { EnrolmentPage } from '../features/enrolment/EnrolmentPage';
import { GoalsPage } from '../features/enrolment/GoalsPage';
import { HomePage } from '../features/home/HomePage';
import { ProgrammePage } from '../features/programmes/ProgrammePage';
import { ProgrammesPage } from '../features/programmes/ProgrammesPage';
import { ProgressPage } from '../features/progress/ProgressPage';
import { ProposeSessionPage } from '../features/sessions/ProposeSessionPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SessionPage } from '../features/sessions/SessionPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { VerifyEmailPage } from '../features/auth/VerifyEmailPage';
import { cohortPages } from '../features/cohort/routes';
import { notificationPages, unsubscribePage } from '../features/notifications/routes';
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
  unsubscribePage,
];

const memberPages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: '/programmes', element: <ProgrammesPage /> },
  { path: '/programmes/:programId', element: <ProgrammePage /> },
  { path: '/programmes/:programId/enrol/:role', element: <EnrolmentPage /> },
  { path: '/enrolments/:enrollmentId/goals', element: <GoalsPage /> },
  { path: '/progress', element: <ProgressPage /> },
  { path: 'messages', element: <ConversationsLayout />, children: [{ index: true, element: <ConversationsPage /> }, { path: ':conversationId', element: <ConversationPage /> }] },
  { path: 'sessions', children: [{ index: true, element: <SessionsPage /> }, { path: 'new', element: <ProposeSessionPage /> }, { path: ':sessionId', element: <SessionPage /> }] },
  { path: 'profile', element: <ProfilePage /> },
  cohortPages,
  notificationPages,
];

export const routes: RouteObject[] = [
  { element: <Layout signedIn={false} />, children: [...publicPages, { path: '*', element: <NotFoundPage /> }] },
  { element: <RequireSession />, children: [{ element: <Layout signedIn />, children: memberPages }] },
];
