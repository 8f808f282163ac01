// The web application's component tests wait up to 5 s for what the screen
// shows (Testing Library's default is 1 s): the suites run beside the
// services' end-to-end tests, and a loaded machine renders late, not wrong.
if (typeof document !== 'undefined') require('@testing-library/react').configure({ asyncUtilTimeout: 5000 });
