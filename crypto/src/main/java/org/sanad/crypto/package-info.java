/**
 * Sanad's field-encryption library: sealed fields bound to their context, blind indexes,
 * streaming AEAD for files, and a key hierarchy with rotation and crypto-shredding.
 */
package org.sanad.crypto;
