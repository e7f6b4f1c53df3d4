/**
 * The vocabulary of the knowledge base: the facts its rules derive and conclude. Rule authors use
 * these in DRL; applications never see them (the engine turns them into {@link
 * org.physiocds.Evaluation}). Not part of the public API: may change in any release.
 */
package org.physiocds.internal.kb;
