import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { PageSpin } from './components/page-spin.tsx';
import { RequirePermission } from './components/require-permission.tsx';
import { RouteErrorPage } from './components/route-error-page.tsx';

const HomePage = lazy(() => import('./portal/home/home-page.tsx'));
const LoginPage = lazy(() => import('./portal/login/login-page.tsx'));
const AdminLayout = lazy(() => import('./admin/layout/admin-layout.tsx'));
const DashboardPage = lazy(() => import('./admin/dashboard/dashboard-page.tsx'));
const AccountsPage = lazy(() => import('./admin/accounts/accounts-page.tsx'));
const OrgsPage = lazy(() => import('./admin/orgs/orgs-page.tsx'));
const AuditPage = lazy(() => import('./admin/audit/audit-page.tsx'));
const FeedbackPage = lazy(() => import('./admin/feedback/feedback-page.tsx'));
const CallbacksPage = lazy(() => import('./admin/callbacks/callbacks-page.tsx'));
const CallbackRoundPage = lazy(() => import('./admin/callbacks/callback-round-page.tsx'));
const AnomaliesPage = lazy(() => import('./admin/callbacks/anomalies-page.tsx'));
const UnitsPage = lazy(() => import('./admin/units/units-page.tsx'));
const UnitDetailPage = lazy(() => import('./admin/units/unit-detail-page.tsx'));
const UnitQualityPage = lazy(() => import('./admin/units/unit-quality-page.tsx'));
const InspectorsPage = lazy(() => import('./admin/inspectors/inspectors-page.tsx'));
const InspectorDetailPage = lazy(() => import('./admin/inspectors/inspector-detail-page.tsx'));
const ExternalPeoplePage = lazy(() => import('./admin/external-people/external-people-page.tsx'));
const ImportsPage = lazy(() => import('./admin/imports/imports-page.tsx'));
const DictionariesPage = lazy(() => import('./admin/dictionaries/dictionaries-page.tsx'));
const CalendarPage = lazy(() => import('./admin/calendar/calendar-page.tsx'));
const PasswordPage = lazy(() => import('./admin/password/password-page.tsx'));
const AnnualPlansPage = lazy(() => import('./admin/plans/annual-plans-page.tsx'));
const AnnualPlanPage = lazy(() => import('./admin/plans/annual-plan-page.tsx'));
const MonthlyPlanPage = lazy(() => import('./admin/plans/monthly-plan-page.tsx'));
const MonthlyPlansPage = lazy(() => import('./admin/plans/monthly-plans-page.tsx'));
const CampaignsPage = lazy(() => import('./admin/plans/campaigns-page.tsx'));
const CampaignPage = lazy(() => import('./admin/plans/campaign-page.tsx'));
const TriggerEventsPage = lazy(() => import('./admin/plans/trigger-events-page.tsx'));
const PortalPlansPage = lazy(() => import('./portal/plans/portal-plans-page.tsx'));
const PortalAnnualPlanPage = lazy(() => import('./portal/plans/portal-annual-plan-page.tsx'));
const PortalMonthlyPlanPage = lazy(() => import('./portal/plans/portal-monthly-plan-page.tsx'));
const CheckItemsPage = lazy(() => import('./admin/check-items/check-items-page.tsx'));
const CheckItemPage = lazy(() => import('./admin/check-items/check-item-page.tsx'));
const PortalItemsPage = lazy(() => import('./portal/check-items/portal-items-page.tsx'));
const PortalItemPage = lazy(() => import('./portal/check-items/portal-item-page.tsx'));
const DrawsPage = lazy(() => import('./admin/draws/draws-page.tsx'));
const DrawPage = lazy(() => import('./admin/draws/draw-page.tsx'));
const TasksPage = lazy(() => import('./admin/draws/tasks-page.tsx'));
const MyTasksPage = lazy(() => import('./admin/draws/my-tasks-page.tsx'));
const TaskPage = lazy(() => import('./admin/draws/task-page.tsx'));
const RecordsPage = lazy(() => import('./admin/records/records-page.tsx'));
const RecordPage = lazy(() => import('./admin/records/record-page.tsx'));
// ECharts comes with these pages only: the first load of every other page does not grow.
const StatisticsPage = lazy(() => import('./admin/statistics/statistics-page.tsx'));
const StatisticsListPage = lazy(() => import('./admin/statistics/statistics-list-page.tsx'));
const OutboxPage = lazy(() => import('./admin/records/outbox-page.tsx'));
const CasesPage = lazy(() => import('./admin/cases/cases-page.tsx'));
const CasePage = lazy(() => import('./admin/cases/case-page.tsx'));
const PortalDrawsPage = lazy(() => import('./portal/draws/portal-draws-page.tsx'));
const PortalDrawPage = lazy(() => import('./portal/draws/portal-draw-page.tsx'));
const PortalAlgorithmPage = lazy(() => import('./portal/algorithm/portal-algorithm-page.tsx'));
const PortalNoticePage = lazy(() => import('./portal/notice/portal-notice-page.tsx'));
const PortalDocumentPage = lazy(() => import('./portal/documents/portal-document-page.tsx'));
const UnitEntryPage = lazy(() => import('./portal/unit/unit-entry-page.tsx'));
const UnitHomePage = lazy(() => import('./portal/unit/unit-home-page.tsx'));
const PortalResultsPage = lazy(() => import('./portal/results/portal-results-page.tsx'));
const PortalResultPage = lazy(() => import('./portal/results/portal-result-page.tsx'));
const PortalUnitPage = lazy(() => import('./portal/results/portal-unit-page.tsx'));
const PortalOpenDataPage = lazy(() => import('./portal/results/portal-open-data-page.tsx'));
const DocumentsPage = lazy(() => import('./admin/documents/documents-page.tsx'));
const DocumentPage = lazy(() => import('./admin/documents/document-page.tsx'));
const HazardsPage = lazy(() => import('./admin/documents/hazards-page.tsx'));
const PublicationsPage = lazy(() => import('./admin/publications/publications-page.tsx'));
const SelfChecksPage = lazy(() => import('./admin/self-checks/self-checks-page.tsx'));
const SelfCheckPage = lazy(() => import('./admin/self-checks/self-check-page.tsx'));
const AnnualReportPage = lazy(() => import('./admin/annual-report/annual-report-page.tsx'));
const NotFoundPage = lazy(() => import('./components/not-found-page.tsx'));

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
      { path: '/portal/algorithm', element: <PortalAlgorithmPage /> },
      { path: '/portal/notice/:code', element: <PortalNoticePage /> },
      { path: '/portal/documents/:code', element: <PortalDocumentPage /> },
      { path: '/portal/unit', element: <UnitEntryPage /> },
      { path: '/portal/unit/home', element: <UnitHomePage /> },
      { path: '/portal/results', element: <PortalResultsPage /> },
      { path: '/portal/results/:id', element: <PortalResultPage /> },
      { path: '/portal/units/:id', element: <PortalUnitPage /> },
      { path: '/portal/open-data', element: <PortalOpenDataPage /> },
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
            path: 'monthly-plans',
            element: (
              <RequirePermission permission="plans.read">
                <MonthlyPlansPage />
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
            path: 'statistics',
            element: (
              <RequirePermission permission="plans.read">
                <StatisticsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'statistics/list',
            element: (
              <RequirePermission permission="plans.read">
                <StatisticsListPage />
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
            path: 'tasks/:id',
            element: (
              <RequirePermission permission="plans.read">
                <TaskPage />
              </RequirePermission>
            ),
          },
          {
            path: 'records',
            element: (
              <RequirePermission permission="plans.read">
                <RecordsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'records/:id',
            element: (
              <RequirePermission permission="plans.read">
                <RecordPage />
              </RequirePermission>
            ),
          },
          {
            path: 'documents',
            element: (
              <RequirePermission permission="plans.read">
                <DocumentsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'documents/:id',
            element: (
              <RequirePermission permission="plans.read">
                <DocumentPage />
              </RequirePermission>
            ),
          },
          {
            path: 'hazards',
            element: (
              <RequirePermission permission="plans.read">
                <HazardsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'publications',
            element: (
              <RequirePermission permission="plans.read">
                <PublicationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'self-checks',
            element: (
              <RequirePermission permission="plans.read">
                <SelfChecksPage />
              </RequirePermission>
            ),
          },
          {
            path: 'self-checks/:id',
            element: (
              <RequirePermission permission="plans.read">
                <SelfCheckPage />
              </RequirePermission>
            ),
          },
          {
            path: 'annual-report',
            element: (
              <RequirePermission permission="plans.read">
                <AnnualReportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'cases',
            element: (
              <RequirePermission permission="plans.read">
                <CasesPage />
              </RequirePermission>
            ),
          },
          {
            path: 'cases/:id',
            element: (
              <RequirePermission permission="plans.read">
                <CasePage />
              </RequirePermission>
            ),
          },
          {
            path: 'outbox',
            element: (
              <RequirePermission permission="audit.read">
                <OutboxPage />
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
          {
            path: 'feedback',
            element: (
              <RequirePermission permission="audit.read">
                <FeedbackPage />
              </RequirePermission>
            ),
          },
          {
            path: 'callbacks',
            element: (
              <RequirePermission permission="callbacks.read">
                <CallbacksPage />
              </RequirePermission>
            ),
          },
          {
            path: 'callbacks/:id',
            element: (
              <RequirePermission permission="callbacks.read">
                <CallbackRoundPage />
              </RequirePermission>
            ),
          },
          {
            path: 'anomalies',
            element: (
              <RequirePermission permission="callbacks.read">
                <AnomaliesPage />
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
