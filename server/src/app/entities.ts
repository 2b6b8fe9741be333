import { User } from '../modules/identity/user.entity.js';
import { Session } from '../modules/identity/session.entity.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { Membership } from '../modules/organizations/membership.entity.js';
import { Invitation } from '../modules/organizations/invitation.entity.js';
import { ApiToken } from '../modules/api-tokens/api-token.entity.js';
import { AuditEvent } from '../core/audit/audit-event.entity.js';

/** Every TypeORM entity, listed explicitly so the build never depends on file globs. */
export const ENTITIES = [User, Session, Organization, Membership, Invitation, ApiToken, AuditEvent];
