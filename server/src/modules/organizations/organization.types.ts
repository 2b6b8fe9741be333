import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Role } from '@annex/domain';
import { ViewerType } from '../identity/identity.types.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { Organization } from './organization.entity.js';
import { RoleEnum } from './role.enum.js';

@InputType('CreateOrganizationInput')
export class CreateOrganizationInput {
  @Field(() => String)
  name!: string;
}

@ObjectType('CreateOrganizationPayload')
export class CreateOrganizationPayload {
  @Field(() => Organization)
  organization!: Organization;
}

@InputType('UpdateOrganizationInput')
export class UpdateOrganizationInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType('UpdateOrganizationPayload')
export class UpdateOrganizationPayload {
  @Field(() => Organization)
  organization!: Organization;
}

@InputType('InviteMemberInput')
export class InviteMemberInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleEnum)
  role!: Role;
}

@ObjectType('InviteMemberPayload')
export class InviteMemberPayload {
  @Field(() => Invitation)
  invitation!: Invitation;
}

@InputType('RevokeInvitationInput')
export class RevokeInvitationInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType('RevokeInvitationPayload')
export class RevokeInvitationPayload {
  @Field(() => ID)
  revokedInvitationId!: string;
}

@InputType('AcceptInvitationInput')
export class AcceptInvitationInput {
  @Field(() => String)
  token!: string;

  @Field(() => String, { nullable: true, description: 'Your name, for a new account.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new password, or the password of your existing account.' })
  password?: string | null;
}

@ObjectType('AcceptInvitationPayload')
export class AcceptInvitationPayload {
  @Field(() => ViewerType)
  viewer!: ViewerType;

  @Field(() => Organization)
  organization!: Organization;
}

@InputType('UpdateMemberRoleInput')
export class UpdateMemberRoleInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => RoleEnum)
  role!: Role;
}

@ObjectType('UpdateMemberRolePayload')
export class UpdateMemberRolePayload {
  @Field(() => Membership)
  membership!: Membership;
}

@InputType('RemoveMemberInput')
export class RemoveMemberInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID)
  userId!: string;
}

@ObjectType('RemoveMemberPayload')
export class RemoveMemberPayload {
  @Field(() => ID)
  removedUserId!: string;
}

/** What the accept-invitation page shows to the holder of the link. */
@ObjectType('InvitationPreview')
export class InvitationPreview {
  @Field(() => String)
  organizationName!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, { description: 'PENDING, ACCEPTED, REVOKED or EXPIRED.' })
  status!: string;

  @Field(() => Boolean, { description: 'Whether the invited e-mail already has an Annex account.' })
  hasAccount!: boolean;
}
