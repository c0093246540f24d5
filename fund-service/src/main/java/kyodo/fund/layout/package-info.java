/**
 * The one layout that every page of both modules is drawn in: who is looking and in which role, the ward and its
 * contact, the menu each role sees, and the language switch that keeps the page.
 */
package kyodo.fund.layout;
