import { Navigate, type RouteObject } from 'react-router';
import { CohortPage } from './CohortPage';
import { CohortSpace } from './CohortSpace';
import { ForumPage } from './ForumPage';
import { GatheringPage } from './GatheringPage';
import { GatheringsPage } from './GatheringsPage';
import { ResourcePage } from './ResourcePage';
import { ResourcesPage } from './ResourcesPage';
import { ThreadPage } from './ThreadPage';

/** The cohort's pages, for members: the programmes, then each programme's forum, gatherings and resources. */
export const cohortPages: RouteObject = {
  path: 'cohort',
  children: [
    { index: true, element: <CohortPage /> },
    {
      path: ':programId',
      element: <CohortSpace />,
      children: [
        { index: true, element: <Navigate to="forum" replace /> },
        { path: 'forum', element: <ForumPage /> },
        { path: 'forum/:threadId', element: <ThreadPage /> },
        { path: 'gatherings', element: <GatheringsPage /> },
        { path: 'gatherings/:gatheringId', element: <GatheringPage /> },
        { path: 'resources', element: <ResourcesPage /> },
        { path: 'resources/:resourceId', element: <ResourcePage /> },
      ],
    },
  ],
};
