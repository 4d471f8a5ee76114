package org.newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.newsdesk.platform.ClientAddress;

/** Jakarta Security's view of our users table: a username and password in, the caller's roles out. */
@ApplicationScoped
public class NewsdeskIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    /** The sign-in request: the client's address, and the session to remember the credentials version. */
    @Inject
    private HttpServletRequest request;

    @Inject
    private SignInAttempt attempt;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        // The connection's own address: a forwarded-for header is whatever the client wants it to be.
        SignIn signIn = accounts.authenticate(login.getCaller(), login.getPassword().getValue(), ClientAddress.of(request));
        attempt.record(signIn);
        if (!signIn.isAccepted()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        // The version and the roles below come from one read of the account: no change can slip between them.
        StaleSessionFilter.remember(request, signIn.credentialsVersion());
        return new CredentialValidationResult(signIn.username(),
                signIn.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
