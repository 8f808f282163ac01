import type { RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { EnrolmentPage } from '../features/enrolment/EnrolmentPage';
import { GoalsPage } from '../features/enrolment/GoalsPage';
import { HomePage } from '../features/home/HomePage';
import { ProgrammePage } from '../features/programmes/ProgrammePage';
import { ProgrammesPage } from '../features/programmes/ProgrammesPage';
import { ProgressPage } from '../features/progress/ProgressPage';
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
  { path: '/programmes', element: <ProgrammesPage /> },
  { path: '/programmes/:programId', element: <ProgrammePage /> },
  { path: '/programmes/:programId/enrol/:role', element: <EnrolmentPage /> },
  { path: '/enrolments/:enrollmentId/goals', element: <GoalsPage /> },
  { path: '/progress', element: <ProgressPage /> },
];

export const routes: RouteObject[] = [
  { element: <Layout signedIn={false} />, children: [...publicPages, { path: '*', element: <NotFoundPage /> }] },
  { element: <RequireSession />, children: [{ element: <Layout signedIn />, children: memberPages }] },
];
