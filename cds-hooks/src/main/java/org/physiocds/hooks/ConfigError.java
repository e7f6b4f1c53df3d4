package org.physiocds.hooks;

/**
 * A configuration the service cannot run with (a trusted-clients file that cannot be read, a
 * database that cannot be opened, a missing option): the command line prints the message, one line
 * that names the option and never a password, and exits 2.
 */
final class ConfigError extends RuntimeException {

    ConfigError(String message) {
        super(message, null, false, false);
    }
}
