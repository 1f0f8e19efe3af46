/**
 * Formats, key wrapping, providers and normalisation behind the public API of {@code
 * org.sanad.crypto}. Nothing here is API: only {@code crypto} itself and its tests may use it.
 */
package org.sanad.crypto.internal;
