import type { RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { FeedbackFormPage } from '../features/feedback/FeedbackFormPage';
import { SurveysPage } from '../features/feedback/SurveysPage';
import { HomePage } from '../features/home/HomePage';
import { MatchesPage } from '../features/matches/MatchesPage';
import { SuggestionsPage } from '../features/matches/SuggestionsPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './session';

/**
 * Every page of the application. Public pages (signing in, the links mails
 * carry) need no session; member pages send a signed-out person to the login
 * page and back. A feature adds its pages to one of the two lists.
 */
const publicPages: RouteObject[] = [{ path: '/login', element: <LoginPage /> }];

const memberPages: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: '/matches', element: <MatchesPage /> },
  { path: '/matches/suggestions/:programId', element: <SuggestionsPage /> },
  { path: '/surveys', element: <SurveysPage /> },
  { path: '/surveys/:form/:target', element: <FeedbackFormPage /> },
];

export const routes: RouteObject[] = [
  { element: <Layout signedIn={false} />, children: [...publicPages, { path: '*', element: <NotFoundPage /> }] },
  { element: <RequireSession />, children: [{ element: <Layout signedIn />, children: memberPages }] },
];
