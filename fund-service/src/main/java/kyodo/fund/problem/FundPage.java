package kyodo.fund.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the fund's page controllers: a refusal becomes a short page with the right status, while "sign in first"
 * and "not allowed" go on to the host's security chain (which redirects to its sign-in page).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FundPage {
}
