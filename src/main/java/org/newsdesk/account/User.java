package org.newsdesk.account;

import jakarta.persistence.CollectionTable;
import org.newsdesk.platform.BidiControls;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A member of the newsroom's staff who signs in: writer, editor, moderator or administrator. */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.findByUsername", query = "select u from User u where u.username = :username")
@NamedQuery(name = "User.count", query = "select count(u) from User u")
@NamedQuery(name = "User.credentialsVersion",
        query = "select u.credentialsVersion from User u where u.username = :username and u.enabled = true")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 64)
    @Pattern(regexp = "[a-z0-9._-]+", message = "Use lower-case letters, digits, dots, dashes or underscores")
    private String username;

    @NotBlank
    @Size(max = 120)
    @Column(name = "display_name")
    private String displayName;

    /** The desk's language for this person (a language tag); null for the site's, or English. */
    @Column(name = "desk_language")
    private String deskLanguage;

    @NotBlank
    @Email
    @Size(max = 254)
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled = true;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_signin_address")
    private String lastSignInAddress;

    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    /**
     * Raised whenever what a session was granted at sign-in stops being true: the account is disabled,
     * its roles change or its password does. A session remembers the value it signed in with.
     */
    @Column(name = "credentials_version")
    private long credentialsVersion;

    @Version
    private long version;

    protected User() {
    }

    public User(String username, String displayName, String email, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.displayName = BidiControls.neutralise(displayName);
        this.email = email;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    /** A new password, as {@link Passwords} hashed it: sessions signed in with the old one end. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        credentialsVersion++;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** Whether sign-in is refused right now because of too many failed attempts. */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean isLockedNow() {
        return isLocked(Instant.now());
    }

    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public String getLastSignInAddress() {
        return lastSignInAddress;
    }

    public void setRoles(Set<Role> newRoles) {
        if (!roles.equals(newRoles)) {
            credentialsVersion++;
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    /** Editors and administrators: they take every editor's step. The one place this is decided. */
    public boolean isEditor() {
        return roles.contains(Role.EDITOR) || roles.contains(Role.ADMIN);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDeskLanguage() {
        return deskLanguage;
    }

    public void setDeskLanguage(String deskLanguage) {
        this.deskLanguage = deskLanguage;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        if (this.enabled != enabled) {
            credentialsVersion++;
        }
        this.enabled = enabled;
    }

    public long getCredentialsVersion() {
        return credentialsVersion;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return roles;
    }
}
