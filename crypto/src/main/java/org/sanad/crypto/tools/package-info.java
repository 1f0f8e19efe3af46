/** Command-line tools for operators: {@link org.sanad.crypto.tools.KekTool} manages the default KEK keystore. */
package org.sanad.crypto.tools;
