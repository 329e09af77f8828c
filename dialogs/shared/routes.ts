import type { TurnContext } from 'botbuilder';
import type { Dialog, DialogContext } from 'botbuilder-dialogs';
import type { z } from 'zod';
import type { MenuButton } from '../../src/cards/shared/menu';
import type { User } from '../../src/domain/people';
import type { CardPayload } from './cardPrompt';
import type { RouterDeps } from './context';

/**
 * Who may use an action. anyone: no check; member: has given consent; participant: is in a group;
 * leader: may lead groups. An action with several roles is open to each of them.
 */
export type Role = 'anyone' | 'member' | 'participant' | 'leader';

export type Keywords = { fi: readonly string[]; sv: readonly string[]; en: readonly string[] };

/** One turn as the router hands it to an action: the dialog context and the person, read once. */
export interface ActionTurn {
  dc: DialogContext;
  context: TurnContext;
  userId: string;
  /** The person's profile, read at most once per turn. */
  user(): Promise<User | undefined>;
  /** The menu, optionally with a sentence above it. */
  showMenu(intro?: string): Promise<void>;
}

interface ActionBase<S extends z.ZodType<CardPayload>> {
  /** The payload's `action` field. '<feature>.<verb>' for new features. */
  action: string;
  schema: S;
  roles: readonly Role[];
  /** Answered in one turn without cancelling an open form (an RSVP pressed mid-form). */
  inPassing?: boolean;
  /** Allowed in a group chat (everything else is personal-chat only). */
  groupChat?: boolean;
  /** Typed words that start this action, in every language (matched whatever the person chose). */
  keywords?: Keywords;
}

/** An action answered by a handler, in this turn. */
export interface HandlerAction<S extends z.ZodType<CardPayload> = z.ZodType<CardPayload>> extends ActionBase<S> {
  handle(turn: ActionTurn, payload: z.infer<S>, deps: RouterDeps): Promise<void>;
}

/** An action that begins a dialog, with options taken from the payload. */
export interface DialogAction<S extends z.ZodType<CardPayload> = z.ZodType<CardPayload>> extends ActionBase<S> {
  dialog: string;
  options?: (payload: z.infer<S>) => object;
}

/** The answer of a form: belongs to the dialog that showed the form; without one it is an old card. */
export interface FormAnswer<S extends z.ZodType<CardPayload> = z.ZodType<CardPayload>> extends ActionBase<S> {
  formAnswer: true;
}

export type CardRoute = HandlerAction | DialogAction | FormAnswer;


export type MenuEntry = MenuButton;

/** Everything one feature adds to the conversation. */
export interface FeatureRoutes {
  dialogs: ReadonlyArray<(deps: RouterDeps) => Dialog>;
  actions: readonly CardRoute[];
  menu: readonly MenuEntry[];
}

/** Typed helpers so each route's handler sees its own payload type. */
export const handler = <S extends z.ZodType<CardPayload>>(route: HandlerAction<S>): CardRoute => route as unknown as CardRoute;
export const dialogAction = <S extends z.ZodType<CardPayload>>(route: DialogAction<S>): CardRoute => route as unknown as CardRoute;
export const formAnswer = <S extends z.ZodType<CardPayload>>(route: Omit<FormAnswer<S>, 'formAnswer'>): CardRoute =>
  ({ ...route, formAnswer: true }) as unknown as CardRoute;
