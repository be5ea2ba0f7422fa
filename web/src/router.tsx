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
const AnnualPlansPage = lazy(() => import('./pages/annual-plans-page.tsx'));
const AnnualPlanPage = lazy(() => import('./pages/annual-plan-page.tsx'));
const MonthlyPlanPage = lazy(() => import('./pages/monthly-plan-page.tsx'));
const CampaignsPage = lazy(() => import('./pages/campaigns-page.tsx'));
const CampaignPage = lazy(() => import('./pages/campaign-page.tsx'));
const TriggerEventsPage = lazy(() => import('./pages/trigger-events-page.tsx'));
const PortalPlansPage = lazy(() => import('./pages/portal-plans-page.tsx'));
const PortalAnnualPlanPage = lazy(() => import('./pages/portal-annual-plan-page.tsx'));
const PortalMonthlyPlanPage = lazy(() => import('./pages/portal-monthly-plan-page.tsx'));
const CheckItemsPage = lazy(() => import('./pages/check-items-page.tsx'));
const CheckItemPage = lazy(() => import('./pages/check-item-page.tsx'));
const PortalItemsPage = lazy(() => import('./pages/portal-items-page.tsx'));
const PortalItemPage = lazy(() => import('./pages/portal-item-page.tsx'));
const DrawsPage = lazy(() => import('./pages/draws-page.tsx'));
const DrawPage = lazy(() => import('./pages/draw-page.tsx'));
const TasksPage = lazy(() => import('./pages/tasks-page.tsx'));
const MyTasksPage = lazy(() => import('./pages/my-tasks-page.tsx'));
const PortalDrawsPage = lazy(() => import('./pages/portal-draws-page.tsx'));
const PortalDrawPage = lazy(() => import('./pages/portal-draw-page.tsx'));
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
      { path: '/portal/items', element: <PortalItemsPage /> },
      { path: '/portal/items/:code', element: <PortalItemPage /> },
      { path: '/portal/plans', element: <PortalPlansPage /> },
      { path: '/portal/plans/annual/:id', element: <PortalAnnualPlanPage /> },
      { path: '/portal/plans/monthly/:id', element: <PortalMonthlyPlanPage /> },
      { path: '/portal/draws', element: <PortalDrawsPage /> },
      { path: '/portal/draws/:code', element: <PortalDrawPage /> },
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
          {
            path: 'annual-plans',
            element: (
              <RequirePermission permission="plans.read">
                <AnnualPlansPage />
              </RequirePermission>
            ),
          },
          {
            path: 'annual-plans/:id',
            element: (
              <RequirePermission permission="plans.read">
                <AnnualPlanPage />
              </RequirePermission>
            ),
          },
          {
            path: 'monthly-plans/:id',
            element: (
              <RequirePermission permission="plans.read">
                <MonthlyPlanPage />
              </RequirePermission>
            ),
          },
          {
            path: 'campaigns',
            element: (
              <RequirePermission permission="plans.read">
                <CampaignsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'campaigns/:id',
            element: (
              <RequirePermission permission="plans.read">
                <CampaignPage />
              </RequirePermission>
            ),
          },
          {
            path: 'trigger-events',
            element: (
              <RequirePermission permission="plans.read">
                <TriggerEventsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'check-items',
            element: (
              <RequirePermission permission="plans.read">
                <CheckItemsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'check-items/:id',
            element: (
              <RequirePermission permission="plans.read">
                <CheckItemPage />
              </RequirePermission>
            ),
          },
          {
            path: 'draws',
            element: (
              <RequirePermission permission="plans.read">
                <DrawsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'draws/:id',
            element: (
              <RequirePermission permission="plans.read">
                <DrawPage />
              </RequirePermission>
            ),
          },
          {
            path: 'tasks',
            element: (
              <RequirePermission permission="plans.read">
                <TasksPage />
              </RequirePermission>
            ),
          },
          {
            path: 'my-tasks',
            element: (
              <RequirePermission permission="plans.read">
                <MyTasksPage />
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
