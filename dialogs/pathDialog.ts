import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogReason, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { OutcomeTracker, PathName } from '../src/domain/outcomes.js';
import type { PlanId } from '../src/domain/plans.js';

/** What a path remembers in its own dialog instance: the plan it was begun for. */
interface PathInstanceState {
  pathPlan?: PlanId;
}

// Set on a turn once a path recorded that it was stopped, so a stop elsewhere does not record it twice.
const PATH_STOPPED_THIS_TURN = Symbol('pathStoppedThisTurn');

/**
 * A path of the outcome funnel (term end, now, product key, support). Wherever it sits in the stack,
 * a path that is cancelled from outside ("start over", "end the conversation", an old button taking
 * the admin back, "delete my data") records that it stopped, with its plan: outer paths first, so
 * that the innermost, where the admin was, is the conversation's latest milestone.
 */
export abstract class PathDialog extends ComponentDialog {
  abstract readonly path: PathName;

  protected constructor(
    id: string,
    private readonly outcomes: OutcomeTracker,
  ) {
    super(id);
  }

  override async beginDialog(outerDC: DialogContext, options?: object): Promise<DialogTurnResult> {
    // DialogContext.beginDialog pushes this dialog's instance before calling here.
    const plan = (options as { plan?: PlanId } | undefined)?.plan;
    if (plan && outerDC.activeDialog) (outerDC.activeDialog.state as PathInstanceState).pathPlan = plan;
    return super.beginDialog(outerDC, options);
  }

  /** The plan the path was begun for, from its instance on the stack. */
  static planOf(instance: DialogInstance): PlanId | undefined {
    return (instance.state as PathInstanceState | undefined)?.pathPlan;
  }

  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    if (reason === DialogReason.cancelCalled) {
      context.turnState.set(PATH_STOPPED_THIS_TURN, true);
      const plan = PathDialog.planOf(instance);
      await this.outcomes.track(context, { path: this.path, ending: 'stopped', ...(plan ? { plan } : {}) });
    }
    await super.endDialog(context, instance, reason);
  }

  /** Whether a path recorded its stop during this turn. */
  static stoppedThisTurn(context: TurnContext): boolean {
    return context.turnState.get(PATH_STOPPED_THIS_TURN) === true;
  }
}
