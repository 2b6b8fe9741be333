import type { RequestContext, Viewer } from '../context.js';

/**
 * Sharing one execution among people.
 *
 * A live event goes to everyone of the organisation who may see it; executing the subscription
 * once per person costs a thousand executions for a thousand people. Most of what one person
 * receives is what anyone of the same role receives: only a few fields depend on who they are
 * (`viewerCanEdit` of a task they created, `viewerCanDecide` of a request they are an approver
 * of). Such resolvers ask `viewerIs(ctx, userId)` (core/context) rather than compare `ctx.viewer.user.id`.
 *
 * An execution for a group (the same operation, role and view of the entity) runs with an
 * `IdentityProbe`: it records every `viewerIs` question and its answer, and the viewer it sees
 * is a proxy that flags any other read of who the viewer is (their id, name, e-mail, session).
 * Another person of the group gets the same result when they would have answered every recorded
 * question the same way and nothing else about the viewer was read; otherwise they get an
 * execution of their own. Wrong sharing would need a resolver that learns who the viewer is
 * without reading `ctx.viewer`: none does (the viewer is only known through the context).
 */
export class IdentityProbe {
  /** The execution read who the viewer is some other way than `viewerIs`: its result is this person's alone. */
  personal = false;
  /** userId → whether the viewer is that person, for every question asked. */
  readonly answers = new Map<string, boolean>();

  constructor(private readonly userId: string) {}

  is(userId: string | null | undefined): boolean {
    if (!userId) return false;
    const answer = userId === this.userId;
    this.answers.set(userId, answer);
    return answer;
  }

  /** Whether this person would have got the result this probe watched. */
  fits(userId: string): boolean {
    if (this.personal) return false;
    for (const [asked, answer] of this.answers) if ((asked === userId) !== answer) return false;
    return true;
  }
}

/** The context of a probed execution: the same loaders and roles, a viewer that reports being looked at. */
export function probedContext(ctx: RequestContext, probe: IdentityProbe): RequestContext {
  const viewer = ctx.viewer;
  if (!viewer) return { ...ctx, identityProbe: probe };
  const user = new Proxy(viewer.user, {
    get(target, key, receiver) {
      probe.personal = true;
      return Reflect.get(target, key, receiver);
    },
  });
  const probedViewer = new Proxy(viewer, {
    get(target, key, receiver) {
      if (key === 'user') return user;
      if (key === 'sessionId') probe.personal = true;
      return Reflect.get(target, key, receiver);
    },
  }) as Viewer;
  return { ...ctx, viewer: probedViewer, identityProbe: probe };
}

/** One person's share of an event: everything about them an execution may depend on. */
export interface Recipient {
  userId: string;
  /** Their context (with the event's loaders and their role already looked up). */
  ctx: RequestContext;
  /** The same operation, role and view of the entity: recipients who may share a result. */
  groupKey: string;
  execute(ctx: RequestContext): Promise<string>;
}

/**
 * One payload per recipient, with as few executions as the answers allow: per group, one
 * execution first; then one per kind of person its questions tell apart (the person asked
 * about, everyone else); then, rarely, everyone still unmatched. A recipient whose execution
 * failed gets the error.
 */
export async function sharedPayloads<R extends Recipient>(recipients: readonly R[]): Promise<Map<R, string | { error: unknown }>> {
  const payloads = new Map<R, string | { error: unknown }>();
  const groups = new Map<string, R[]>();
  for (const recipient of recipients) {
    const group = groups.get(recipient.groupKey);
    if (group) group.push(recipient);
    else groups.set(recipient.groupKey, [recipient]);
  }
  await Promise.all([...groups.values()].map((group) => payloadsOfGroup(group, payloads)));
  return payloads;
}

interface Variant {
  probe: IdentityProbe;
  payload: string | { error: unknown };
}

async function payloadsOfGroup<R extends Recipient>(group: R[], payloads: Map<R, string | { error: unknown }>): Promise<void> {
  const variants: Variant[] = [];
  const run = async (recipient: R): Promise<void> => {
    const probe = new IdentityProbe(recipient.userId);
    let payload: string | { error: unknown };
    try {
      payload = await recipient.execute(probedContext(recipient.ctx, probe));
    } catch (error) {
      payload = { error };
    }
    payloads.set(recipient, payload);
    // A failed execution is nobody else's answer.
    if (typeof payload === 'string') variants.push({ probe, payload });
  };
  let pending = group;
  for (let round = 0; pending.length; round += 1) {
    const unmatched: R[] = [];
    for (const recipient of pending) {
      if (payloads.has(recipient)) continue;
      const variant = variants.find((v) => v.probe.fits(recipient.userId));
      if (variant) payloads.set(recipient, variant.payload);
      else unmatched.push(recipient);
    }
    if (!unmatched.length) return;
    // After the first round, with nothing shareable learnt (personal results, or failures),
    // everyone left runs on their own, at once.
    const shareable = variants.some((v) => !v.probe.personal);
    const asked = new Set(variants.flatMap((v) => [...v.probe.answers.keys()]));
    const representatives = new Map<string, R>();
    for (const recipient of unmatched) {
      const kind = round > 0 && !shareable ? recipient.userId : asked.has(recipient.userId) ? recipient.userId : '';
      if (!representatives.has(kind)) representatives.set(kind, recipient);
    }
    const runs = [...representatives.values()];
    await Promise.all(runs.map(run));
    const ran = new Set(runs);
    pending = unmatched.filter((recipient) => !ran.has(recipient));
  }
}
