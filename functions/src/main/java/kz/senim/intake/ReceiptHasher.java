package kz.senim.intake;

/**
 * How a receipt is kept: never as it is, only in a stored form it can be checked against. Checking costs the same
 * work whether the receipt matches or not; {@link ReporterAccess} spends that work on an unknown reference too, so
 * neither can be told from the other.
 */
public interface ReceiptHasher {

    /** The stored form of a new receipt; it names its algorithm and key version. */
    String hash(Receipt receipt);

    /** Whether {@code stored} was made from {@code receipt}; a stored form it does not know never matches. */
    boolean matches(Receipt receipt, String stored);
}
