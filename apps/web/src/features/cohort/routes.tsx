import { Navigate, type RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page';

/** The cohort's pages, for members: the programmes, then each programme's forum, gatherings and resources. */
export const cohortPages: RouteObject = {
  path: 'cohort',
  children: [
    { index: true, element: lazyPage(() => import('./CohortPage'), (page) => page.CohortPage) },
    {
      path: ':programId',
      element: lazyPage(() => import('./CohortSpace'), (page) => page.CohortSpace),
      children: [
        { index: true, element: <Navigate to="forum" replace /> },
        { path: 'forum', element: lazyPage(() => import('./ForumPage'), (page) => page.ForumPage) },
        { path: 'forum/:threadId', element: lazyPage(() => import('./ThreadPage'), (page) => page.ThreadPage) },
        { path: 'gatherings', element: lazyPage(() => import('./GatheringsPage'), (page) => page.GatheringsPage) },
        { path: 'gatherings/:gatheringId', element: lazyPage(() => import('./GatheringPage'), (page) => page.GatheringPage) },
        { path: 'resources', element: lazyPage(() => import('./ResourcesPage'), (page) => page.ResourcesPage) },
        { path: 'resources/:resourceId', element: lazyPage(() => import('./ResourcePage'), (page) => page.ResourcePage) },
      ],
    },
  ],
};
