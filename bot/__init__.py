"""The running program: configuration, transports, clock, outbox sender and command line."""
