/**
 * Identity: the people who use Firebreak (a person is an account), their roles, API tokens and
 * login, and the audit log that every other capability writes its state changes to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.firebreak.identity;
