package kyodo.fund.report;

/**
 * The public keys of the log's checkpoints, as the host application publishes them (the text of
 * {@code /.well-known/kyodo-log-keys}): the fund puts them into a report's proof bundle, so that the bundle checks
 * on its own. A careful reader compares them with the keys published elsewhere (the verifier says so).
 */
public interface PublishedKeys {
    /** vkey lines and PEM blocks, as the verifier's {@code --keys} reads them. */
    String keysText();
}
