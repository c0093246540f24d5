/**
 * Who signs in and in which role: users and merchants (approved by staff), with sign-up, and the users as the fund
 * sees them. Groups are registered in the fund's directory, the one group registry.
 */
package kyodo.wallet.user;
