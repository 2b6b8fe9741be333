import type { ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { RequireAction } from './organization/require-action';
import { AccountPage } from './pages/account/account-page';
import { AccountStandalonePage } from './pages/account/account-standalone-page';
import { AuditTrailPage } from './pages/audit-trail/audit-trail-page';
import { AcceptInvitationPage } from './pages/auth/accept-invitation-page';
import { SignInPage } from './pages/auth/sign-in-page';
import { SignUpPage } from './pages/auth/sign-up-page';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { RootRedirect } from './pages/home/root-redirect';
import { JourneyAreaPage } from './pages/journey/journey-area-page';
import { JOURNEY_AREAS } from './pages/journey/journey-areas';
import { ApprovalsPage } from './pages/approvals/approvals-page';
import { AssetsPage } from './pages/assets/assets-page';
import { GapAnalysisPage } from './pages/gap-analysis/gap-analysis-page';
import { RisksPage } from './pages/risks/risks-page';
import { SoaPage } from './pages/soa/soa-page';
import { DocumentsPage } from './pages/documents/documents-page';
import { DocumentPage } from './pages/documents/document-page';
import { DocumentVersionRedirect } from './pages/documents/document-version-redirect';
import { AuditsPage } from './pages/audits/audits-page';
import { AuditPage } from './pages/audits/audit-page';
import { AuditBoardPage } from './pages/audits/audit-board-page';
import { ObjectivesPage } from './pages/objectives/objectives-page';
import { IndicatorPage } from './pages/objectives/indicator-page';
import { CertificationPage } from './pages/certification/certification-page';
import { TrainingPage } from './pages/training/training-page';
import { ManagementReviewsPage } from './pages/management-reviews/management-reviews-page';
import { ManagementReviewPage } from './pages/management-reviews/management-review-page';
import { MembersPage } from './pages/members/members-page';
import { MyWorkPage } from './pages/my-work/my-work-page';
import { TasksPage } from './pages/tasks/tasks-page';
import { NotFoundPage, RouteErrorPage } from './pages/not-found/not-found-page';
import { SettingsPage } from './pages/settings/settings-page';
import { OrganizationShell } from './pages/shell/organization-shell';
import { WelcomePage } from './pages/welcome/welcome-page';
import { DocumentTitle } from './components/document-title';
import { RequireViewer } from './session/require-viewer';

function titled(title: string, element: ReactNode) {
  return (
    <>
      <DocumentTitle title={title} />
      {element}
    </>
  );
}

export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/sign-in', element: titled('Sign in', <SignInPage />) },
      { path: '/sign-up', element: titled('Create your account', <SignUpPage />) },
      { path: '/accept-invitation', element: titled('Accept invitation', <AcceptInvitationPage />) },
      {
        element: <RequireViewer />,
        children: [
          { path: '/', element: <RootRedirect /> },
          { path: '/welcome', element: titled('Welcome', <WelcomePage />) },
          { path: '/account', element: titled('Account', <AccountStandalonePage />) },
          {
            path: '/o/:orgId',
            element: <OrganizationShell />,
            children: [
              { index: true, element: titled('Dashboard', <DashboardPage />) },
              { path: 'my-work', element: titled('My work', <MyWorkPage />) },
              { path: 'tasks', element: titled('Tasks', <RequireAction action="task:read"><TasksPage /></RequireAction>) },
              { path: 'approvals', element: titled('Approvals', <RequireAction action="approval:read"><ApprovalsPage /></RequireAction>) },
              { path: 'gap-analysis', element: titled('Gap analysis', <RequireAction action="gap:read"><GapAnalysisPage /></RequireAction>) },
              { path: 'assets', element: titled('Assets', <RequireAction action="asset:read"><AssetsPage /></RequireAction>) },
              { path: 'risks', element: titled('Risks', <RequireAction action="risk:read"><RisksPage /></RequireAction>) },
              { path: 'statement-of-applicability', element: titled('Statement of Applicability', <RequireAction action="soa:read"><SoaPage /></RequireAction>) },
              { path: 'documents', element: titled('Documents', <RequireAction action="document:read"><DocumentsPage /></RequireAction>) },
              { path: 'documents/version/:versionId', element: <RequireAction action="document:read"><DocumentVersionRedirect /></RequireAction> },
              { path: 'documents/:documentId', element: titled('Document', <RequireAction action="document:read"><DocumentPage /></RequireAction>) },
              { path: 'training', element: titled('Training', <RequireAction action="training:read"><TrainingPage /></RequireAction>) },
              { path: 'training/:tab', element: titled('Training', <RequireAction action="training:read"><TrainingPage /></RequireAction>) },
              { path: 'audits', element: titled('Audits', <RequireAction action="audit:read"><AuditsPage /></RequireAction>) },
              { path: 'audits/:auditId', element: titled('Audit', <RequireAction action="audit:read"><AuditPage /></RequireAction>) },
              { path: 'audits/:auditId/board', element: titled('Audit-week board', <RequireAction action="audit:read"><AuditBoardPage /></RequireAction>) },
              { path: 'objectives', element: titled('Objectives & KPIs', <RequireAction action="objective:read"><ObjectivesPage /></RequireAction>) },
              { path: 'objectives/indicators/:indicatorId', element: titled('Indicator', <RequireAction action="objective:read"><IndicatorPage /></RequireAction>) },
              { path: 'management-reviews', element: titled('Management reviews', <RequireAction action="managementReview:read"><ManagementReviewsPage /></RequireAction>) },
              { path: 'management-reviews/:reviewId', element: titled('Management review', <RequireAction action="managementReview:read"><ManagementReviewPage /></RequireAction>) },
              { path: 'certification', element: titled('Certification', <RequireAction action="certification:read"><CertificationPage /></RequireAction>) },
              ...JOURNEY_AREAS.map((area) => ({ path: area.path, element: titled(area.title, <JourneyAreaPage area={area} />) })),
              { path: 'audit-trail', element: titled('Audit trail', <RequireAction action="auditTrail:read"><AuditTrailPage /></RequireAction>) },
              { path: 'members', element: titled('Members', <MembersPage />) },
              { path: 'settings', element: titled('Settings', <SettingsPage />) },
              { path: 'account', element: titled('Account', <AccountPage />) },
              { path: '*', element: titled('Not found', <NotFoundPage />) },
            ],
          },
        ],
      },
      { path: '*', element: titled('Not found', <NotFoundPage />) },
    ],
  },
]);
