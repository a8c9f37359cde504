package org.zhonglou.architecture;

import java.util.List;
import java.util.stream.Stream;

/**
 * Where each kind of module lives, by package. The rules are written against a layout rather than
 * against package names, so {@link ArchitectureRulesTest} can hold the same rules to the fixtures that
 * break them on purpose.
 *
 * @param root      the project's root package; every module lives below it
 * @param contracts shared-contracts: records and topic names only
 * @param support   service-support: what every service uses the same way
 * @param web       the part of service-support only web adapters may use
 * @param services  one root package per service
 * @param infra     one root package per module outside the services (local stack, test and load tools, the
 *                  staff console, ...): no service or support class may use them
 */
record Layout(String root, String contracts, String support, String web, List<String> services,
              List<String> infra) {

    /** This repository, as the modules listed in the root pom.xml lay it out. */
    static final Layout PROJECT = new Layout("org.zhonglou", "org.zhonglou.contracts", "org.zhonglou.support",
            "org.zhonglou.support.web",
            List.of("org.zhonglou.registration", "org.zhonglou.station", "org.zhonglou.notification"),
            List.of("org.zhonglou.kafkaaccess", "org.zhonglou.httpclient", "org.zhonglou.identity", "org.zhonglou.fuzz",
                    "org.zhonglou.stack", "org.zhonglou.testsupport", "org.zhonglou.loadtools", "org.zhonglou.console"));

    static String below(String pkg) {
        return pkg + "..";
    }

    String[] otherServicesAndInfra(String service) {
        return Stream.concat(services.stream().filter(other -> !other.equals(service)), infra.stream())
                .map(Layout::below).toArray(String[]::new);
    }

    String[] servicesAndInfra() {
        return Stream.concat(services.stream(), infra.stream()).map(Layout::below).toArray(String[]::new);
    }
}
