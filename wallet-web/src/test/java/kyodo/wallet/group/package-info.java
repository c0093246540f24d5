/** Tests of a group's points wallet: who may see and spend it, and where its points go. */
package kyodo.wallet.group;
