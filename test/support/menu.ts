import { mainMenuChoices } from '../../dialogs/mainMenuDialog.js';
import { TOPIC_REGISTRY } from '../../src/domain/topics.js';

/** A number the main menu does not offer (one past its last button), so the menu asks again, however many topics it lists. */
export const NUMBER_NOT_IN_MENU = String(mainMenuChoices(TOPIC_REGISTRY).length + 1);
