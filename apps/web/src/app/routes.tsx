import type { RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { cohortPages } from '../features/cohort/routes';
import { HomePage } from '../features/home/HomePage';
import { notificationPages, unsubscribePage } from '../features/notifications/routes';
import { lazyPage } from './lazy-page';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './session';

/**
 * Every page of the application. Public pages (signing in, the links mails
 * carry) need no session; member pages send a signed-out person to the login
 * page and back. A feature adds its pages to one of the two lists; every
 * page but the sign-in and the home is loaded when first opened (lazyPage).
 */
const publicPages: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: lazyPage(() => import('../features/auth/RegisterPage'), (page) => page.RegisterPage) },
  { path: '/verify-email', element: lazyPage(() => import('../features/auth/VerifyEmailPage'), (page) => page.VerifyEmailPage) },
  { path: '/accept-invitation', element: lazyPage(() => import('../features/auth/AcceptInvitationPage'), (page) => page.AcceptInvitationPage) },
  { path: '/reset-password', element: lazyPage(() => import('../features/auth/ResetPasswordPage'), (page) => page.ResetPasswordPage) },
  unsubscribePage,
];

const memberPages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: '/programmes', element: lazyPage(() => import('../features/programmes/ProgrammesPage'), (page) => page.ProgrammesPage) },
  { path: '/programmes/:programId', element: lazyPage(() => import('../features/programmes/ProgrammePage'), (page) => page.ProgrammePage) },
  { path: '/programmes/:programId/enrol/:role', element: lazyPage(() => import('../features/enrolment/EnrolmentPage'), (page) => page.EnrolmentPage) },
  { path: '/enrolments/:enrollmentId/goals', element: lazyPage(() => import('../features/enrolment/GoalsPage'), (page) => page.GoalsPage) },
  { path: '/progress', element: lazyPage(() => import('../features/progress/ProgressPage'), (page) => page.ProgressPage) },
  {
    path: 'messages',
    element: lazyPage(() => import('../features/conversations/ConversationsLayout'), (page) => page.ConversationsLayout),
    children: [
      { index: true, element: lazyPage(() => import('../features/conversations/ConversationsPage'), (page) => page.ConversationsPage) },
      { path: ':conversationId', element: lazyPage(() => import('../features/conversations/ConversationPage'), (page) => page.ConversationPage) },
    ],
  },
  {
    path: 'sessions',
    children: [
      { index: true, element: lazyPage(() => import('../features/sessions/SessionsPage'), (page) => page.SessionsPage) },
      { path: 'new', element: lazyPage(() => import('../features/sessions/ProposeSessionPage'), (page) => page.ProposeSessionPage) },
      { path: ':sessionId', element: lazyPage(() => import('../features/sessions/SessionPage'), (page) => page.SessionPage) },
    ],
  },
  {
    path: 'matches',
    children: [
      { index: true, element: lazyPage(() => import('../features/matches/MatchesPage'), (page) => page.MatchesPage) },
      { path: 'suggestions/:programId', element: lazyPage(() => import('../features/matches/SuggestionsPage'), (page) => page.SuggestionsPage) },
    ],
  },
  {
    path: 'surveys',
    children: [
      { index: true, element: lazyPage(() => import('../features/feedback/SurveysPage'), (page) => page.SurveysPage) },
      { path: ':form/:target', element: lazyPage(() => import('../features/feedback/FeedbackFormPage'), (page) => page.FeedbackFormPage) },
    ],
  },
  { path: 'profile', element: lazyPage(() => import('../features/account/ProfilePage'), (page) => page.ProfilePage) },
  cohortPages,
  notificationPages,
];

export const routes: RouteObject[] = [
  { element: <Layout signedIn={false} />, children: [...publicPages, { path: '*', element: <NotFoundPage /> }] },
  { element: <RequireSession />, children: [{ element: <Layout signedIn />, children: memberPages }] },
];
