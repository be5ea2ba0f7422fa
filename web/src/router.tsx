import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { PageSpin } from './components/page-spin.tsx';
import { RequirePermission } from './components/require-permission.tsx';
import { RouteErrorPage } from './components/route-error-page.tsx';

const HomePage = lazy(() => import('./pages/home-page.tsx'));
const LoginPage = lazy(() => import('./pages/login-page.tsx'));
const AdminLayout = lazy(() => import('./layouts/admin-layout.tsx'));
const DashboardPage = lazy(() => import('./pages/dashboard-page.tsx'));
const AccountsPage = lazy(() => import('./pages/accounts-page.tsx'));
const OrgsPage = lazy(() => import('./pages/orgs-page.tsx'));
const AuditPage = lazy(() => import('./pages/audit-page.tsx'));
const UnitsPage = lazy(() => import('./pages/units-page.tsx'));
const UnitDetailPage = lazy(() => import('./pages/unit-detail-page.tsx'));
const UnitQualityPage = lazy(() => import('./pages/unit-quality-page.tsx'));
const InspectorsPage = lazy(() => import('./pages/inspectors-page.tsx'));
const InspectorDetailPage = lazy(() => import('./pages/inspector-detail-page.tsx'));
const ExternalPeoplePage = lazy(() => import('./pages/external-people-page.tsx'));
const ImportsPage = lazy(() => import('./pages/imports-page.tsx'));
const DictionariesPage = lazy(() => import('./pages/dictionaries-page.tsx'));
const CalendarPage = lazy(() => import('./pages/calendar-page.tsx'));
const PasswordPage = lazy(() => import('./pages/password-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

export const router = createBrowserRouter([
  {
    element: (
      <Suspense fallback={<PageSpin fullPage />}>
        <Outlet />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
      {
        path: '/admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          {
            path: 'accounts',
            element: (
              <RequirePermission permission="accounts.read">
                <AccountsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'orgs',
            element: (
              <RequirePermission permission="orgs.read">
                <OrgsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'units',
            element: (
              <RequirePermission permission="registry.read">
                <UnitsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'units/quality',
            element: (
              <RequirePermission permission="registry.read">
                <UnitQualityPage />
              </RequirePermission>
            ),
          },
          {
            path: 'units/:id',
            element: (
              <RequirePermission permission="registry.read">
                <UnitDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'inspectors',
            element: (
              <RequirePermission permission="registry.read">
                <InspectorsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'inspectors/:id',
            element: (
              <RequirePermission permission="registry.read">
                <InspectorDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'external-people',
            element: (
              <RequirePermission permission="registry.read">
                <ExternalPeoplePage />
              </RequirePermission>
            ),
          },
          {
            path: 'imports',
            element: (
              <RequirePermission permission="registry.manage">
                <ImportsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'dictionaries',
            element: (
              <RequirePermission permission="registry.read">
                <DictionariesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'calendar',
            element: (
              <RequirePermission permission="orgs.read">
                <CalendarPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: 'password', element: <PasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
