import { Avatar, Button, Group, Kbd, Mentions, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { initials } from '../../../components/person-avatar';
import { RelativeTime } from '../../../components/relative-time';
import { useMemberOptions } from '../../../organization/member-options';
import { useViewer } from '../../../session/require-viewer';
import type { CommentRow } from '../task-fragments';
import { useAddComment } from '../task-operations';
import { CommentBody } from './comment-body';

/** One comment: who, when, and the body with its mentions. */
export function CommentItem({ comment, viewerId }: { comment: CommentRow; viewerId: string }) {
  const flash = useLiveHighlightClass(comment.id);
  return (
    <li className={flash} style={{ borderRadius: 8 }}>
      <Group align="flex-start" gap="sm" wrap="nowrap" py="xs" px={4}>
        <Avatar name={comment.author.name} color="initials" radius="xl" size={32} aria-hidden>
          {initials(comment.author.name)}
        </Avatar>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8}>
            <Text size="sm" fw={600}>
              {comment.author.name}
            </Text>
            <RelativeTime value={comment.createdAt} size="xs" c="dimmed" />
          </Group>
          <CommentBody body={comment.body} viewerId={viewerId} />
        </Stack>
      </Group>
    </li>
  );
}

/** The box to add a comment on any record, with @mentions; `refetchQueries` names the thread's query. */
export function CommentBox({ subjectId, refetchQueries }: { subjectId: string; refetchQueries: string[] }) {
  const viewer = useViewer();
  const { options } = useMemberOptions();
  const [addComment, { loading }] = useAddComment(refetchQueries);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = useMemo(() => options.filter((o) => o.value !== viewer.id).map((o) => ({ id: o.value, display: o.label, email: o.email })), [options, viewer.id]);

  const submit = async () => {
    const body = value.trim();
    if (!body) {
      setError('Write something first.');
      return;
    }
    setError(null);
    try {
      await addComment({ variables: { input: { subjectId, body } } });
      setValue('');
    } catch (e) {
      setError(readApiError(e).message);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="xs">
        <Mentions
          label="Comment"
          description="Type @ to mention a member: they get a notification."
          placeholder="Write a comment…"
          value={value}
          onChange={(payload) => {
            setValue(payload.value);
            if (error) setError(null);
          }}
          minRows={2}
          maxRows={10}
          error={error}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              void submit();
            }
          }}
          nothingFoundMessage="No member by that name"
        >
          <Mentions.Mention
            trigger="@"
            data={people}
            withTrigger
            appendSpaceOnAdd
            maxSuggestions={8}
            renderSuggestion={({ item }) => (
              <Group gap="xs" wrap="nowrap">
                <Avatar name={String(item.display)} color="initials" radius="xl" size={22} aria-hidden>
                  {initials(String(item.display))}
                </Avatar>
                <div>
                  <Text size="sm">{item.display}</Text>
                  <Text size="xs" c="inherit" opacity={0.8}>
                    {String(item['email'] ?? '')}
                  </Text>
                </div>
              </Group>
            )}
          />
        </Mentions>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to send
          </Text>
          <Button type="submit" size="sm" loading={loading}>
            Add comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
