/**
 * A state document's JSON handed between our state tracking and our storage, so that neither
 * writes out again what the other just did (botbuilder's `Storage` passes objects only). A turn
 * used to turn its conversation document into JSON four times: to tell changes on load and on
 * save, and twice in the store on write.
 * Both maps hold the JSON of the object without its `eTag`, as it was when set: a reader takes it
 * at once, before the object can change, and a store that knows neither map writes as before.
 */

/** Set by a store on each item it read: the item's JSON, as read. Used by the state's change tracking on load. */
export const jsonAsRead = new WeakMap<object, string>();

/**
 * Set by the state's change tracking on each new change object it hands to `write`: the JSON it
 * already made of it. Used by the store on write. Only ever set on an object made for that write,
 * never on one the turn goes on changing.
 */
export const jsonToWrite = new WeakMap<object, string>();
