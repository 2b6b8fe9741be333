import { Field, ID, InputType, ObjectType } from 'type-graphql';

/** The signed-in person. */
@ObjectType('Viewer')
export class ViewerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;
}

@InputType('SignUpInput')
export class SignUpInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'At least 12 characters, not a common password.' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Creates this organisation with you as its owner.' })
  organizationName?: string | null;
}

@InputType('SignInInput')
export class SignInInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String)
  newPassword!: string;
}

@InputType('UpdateProfileInput')
export class UpdateProfileInput {
  @Field(() => String)
  name!: string;
}

@ObjectType('SignUpPayload')
export class SignUpPayload {
  @Field(() => ViewerType)
  viewer!: ViewerType;
}

@ObjectType('SignInPayload')
export class SignInPayload {
  @Field(() => ViewerType)
  viewer!: ViewerType;
}

@ObjectType('SignOutPayload')
export class SignOutPayload {
  @Field(() => Boolean, { description: 'True when a session was ended.' })
  ok!: boolean;
}

@ObjectType('ChangePasswordPayload')
export class ChangePasswordPayload {
  @Field(() => ViewerType)
  viewer!: ViewerType;
}

@ObjectType('UpdateProfilePayload')
export class UpdateProfilePayload {
  @Field(() => ViewerType)
  viewer!: ViewerType;
}
