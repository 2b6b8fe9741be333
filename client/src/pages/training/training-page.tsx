import { Badge, Button, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar, IconPlus, IconSchool, IconUser } from '@tabler/icons-react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { usePanelParam } from '../../components/use-panel-param';
import { useCurrentOrganization } from '../../organization/organization-context';
import { CourseDrawer } from './_components/course-drawer';
import { CourseFormModal } from './_components/course-form-modal';
import { CoverageTab } from './_components/coverage-tab';
import { CoursesTab } from './_components/courses-tab';
import { MyTrainingTab } from './_components/my-training-tab';

type TrainingTab = 'courses' | 'coverage' | 'my';

/**
 * Training and awareness (clauses 7.2, 7.3): the programme's courses with their coverage, the
 * coverage per role with who is missing, and "My training" for everyone. The tab is the path:
 * /training, /training/coverage, /training/my.
 */
export function TrainingPage() {
  const { organization, can } = useCurrentOrganization();
  const { tab: tabParam } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const coursePanel = usePanelParam('course');
  const [creating, create] = useDisclosure(false);
  const readCoverage = can('training:readCoverage');
  const manage = can('training:manage');
  const tab: TrainingTab = !readCoverage ? 'my' : tabParam === 'coverage' || tabParam === 'my' ? tabParam : 'courses';
  const base = `/o/${organization.id}/training`;

  const go = (next: string | null) => {
    if (!next || next === tab) return;
    const keep = new URLSearchParams();
    const course = params.get('course');
    if (course) keep.set('course', course);
    const search = keep.toString();
    void navigate(`${base}${next === 'courses' ? '' : `/${next}`}${search ? `?${search}` : ''}`);
  };

  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            Step 1 · Preparation · Clauses 7.2, 7.3
          </Badge>
        }
        title={readCoverage ? 'Training' : 'My training'}
        description={
          readCoverage
            ? 'Who has learned what they need to know, and until when: courses assigned by role, completions with evidence and expiry, and coverage you can show an auditor.'
            : 'The courses assigned to you, by when, and where to find them. Complete them here with a certificate or your own word.'
        }
        actions={
          manage && tab === 'courses' ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={create.open}>
              New course
            </Button>
          ) : null
        }
      />
      {readCoverage ? (
        <Tabs value={tab} onChange={go} keepMounted={false}>
          <Tabs.List mb="lg">
            <Tabs.Tab value="courses" leftSection={<IconSchool size={16} aria-hidden />}>
              Courses
            </Tabs.Tab>
            <Tabs.Tab value="coverage" leftSection={<IconChartBar size={16} aria-hidden />}>
              Coverage
            </Tabs.Tab>
            <Tabs.Tab value="my" leftSection={<IconUser size={16} aria-hidden />}>
              My training
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="courses">
            <CoursesTab onOpen={coursePanel.open} onCreate={create.open} />
          </Tabs.Panel>
          <Tabs.Panel value="coverage">
            <CoverageTab onOpenCourse={coursePanel.open} />
          </Tabs.Panel>
          <Tabs.Panel value="my">
            <MyTrainingTab />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <MyTrainingTab />
      )}
      <CourseDrawer />
      {manage ? <CourseFormModal opened={creating} onClose={create.close} onCreated={coursePanel.open} /> : null}
    </>
  );
}
