/**
 * A group's points wallet for its coordinators: the balance and history of {@code wallet:group:<id>}, sending its
 * points to a resident and paying a shop with them. Only coordinators of that group reach it.
 */
package kyodo.wallet.group;
