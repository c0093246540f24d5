/** Who signs in and in which role: users, merchants (approved by staff) and civic groups, with sign-up. */
package kyodo.wallet.user;
