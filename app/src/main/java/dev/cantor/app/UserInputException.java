package dev.cantor.app;


/** A problem with what the user asked for (a missing file, a refused overwrite); exit code 2. */
final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
        super(message);
    }
}
