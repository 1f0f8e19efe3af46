/**
 * Who and which: the typed ids of the records (each a UUID that cannot be mistaken for another
 * kind's), the subject of a person's account and the organisation, each checked once where it
 * enters. Part of the open {@code common} module.
 */
package org.sanad.server.common.identity;
