import { Avatar, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudUpload, IconEye, IconPlugConnectedX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { initials } from '../../../../components/person-avatar';
import type { Collaborator, LiveState } from './use-collaboration';

dayjs.extend(relativeTime);

interface SaveStateProps {
  state: LiveState;
  readOnly: boolean;
  refusedReason: string | null;
  /** When the stored draft last changed, and by whom (from the API). */
  lastSaved: { at: string | null; by: string | null } | null;
}

/** "Connecting…", "Saving…", "All changes saved": where what you typed is (the server stores it a moment later). */
export function SaveState({ state, readOnly, refusedReason, lastSaved }: SaveStateProps) {
  const saved = lastSaved?.at ? `Last stored ${dayjs(lastSaved.at).fromNow()}${lastSaved.by ? ` (${lastSaved.by})` : ''}.` : null;
  const { icon, text, color, hint } = (() => {
    switch (state) {
      case 'connecting':
        return { icon: <Loader size={14} aria-hidden />, text: 'Connecting…', color: 'dimmed', hint: 'Opening the live draft.' };
      case 'saving':
        return { icon: <IconCloudUpload size={16} aria-hidden />, text: 'Saving…', color: 'dimmed', hint: 'Your latest edits are on their way to Annex.' };
      case 'offline':
        return {
          icon: <IconCloudOff size={16} aria-hidden />,
          text: 'Offline: reconnecting…',
          color: 'orange.9',
          hint: 'Your edits are kept in this tab and saved as soon as the connection is back. Do not close it.',
        };
      case 'refused':
        return { icon: <IconPlugConnectedX size={16} aria-hidden />, text: 'Live draft unavailable', color: 'red.8', hint: refusedReason ?? 'The server refused the connection.' };
      default:
        return readOnly
          ? { icon: <IconEye size={16} aria-hidden />, text: 'Live, read-only', color: 'dimmed', hint: 'You see the draft as it is being written.' }
          : { icon: <IconCloudCheck size={16} aria-hidden />, text: 'All changes saved', color: 'teal.9', hint: 'Everything you typed is in Annex. Everyone here sees it as you type.' };
    }
  })();
  return (
    <Tooltip label={[hint, saved].filter(Boolean).join(' ')} multiline w={280}>
      <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="save-state" tabIndex={0} style={{ borderRadius: 4 }}>
        {icon}
        <Text size="sm" c={color} fw={500}>
          {text}
        </Text>
      </Group>
    </Tooltip>
  );
}

/** Who else has the document open now, in their caret colours. */
export function PresenceAvatars({ people, max = 5 }: { people: readonly Collaborator[]; max?: number }) {
  if (people.length === 0) return null;
  const shown = people.slice(0, max);
  const rest = people.length - shown.length;
  const names = people.map((p) => p.name).join(', ');
  return (
    <Group gap={8} wrap="nowrap" aria-label={`Here now: ${names}`} role="group">
      <Tooltip.Group openDelay={200} closeDelay={100}>
        <Avatar.Group spacing="xs">
          {shown.map((person) => (
            <Tooltip key={person.id} label={`${person.name} is here`}>
              <Avatar
                radius="xl"
                size={30}
                alt={person.name}
                styles={{ placeholder: { background: person.color, color: '#fff', fontWeight: 600, fontSize: 12 } }}
              >
                {initials(person.name)}
              </Avatar>
            </Tooltip>
          ))}
          {rest > 0 ? (
            <Tooltip label={people.slice(max).map((p) => p.name).join(', ')}>
              <Avatar radius="xl" size={30}>
                +{rest}
              </Avatar>
            </Tooltip>
          ) : null}
        </Avatar.Group>
      </Tooltip.Group>
      <Text size="xs" c="dimmed" visibleFrom="md">
        {people.length === 1 ? `${shown[0]!.name.split(' ')[0]} is here` : `${people.length} others here`}
      </Text>
    </Group>
  );
}
