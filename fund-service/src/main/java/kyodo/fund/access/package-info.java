/**
 * Who is acting: the signed-in person's {@link kyodo.fund.access.UserId} and the application's one set of roles, as
 * the host's security chain established them, and the host's users as the fund sees them.
 */
package kyodo.fund.access;
