package org.zhonglou.station.device;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by X-Device-Key; the principal is the {@link DeviceIdentity}. */
final class DeviceAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "DEVICE";

    private final DeviceIdentity device;

    DeviceAuthentication(DeviceIdentity device) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.device = device;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public DeviceIdentity getPrincipal() {
        return device;
    }
}
