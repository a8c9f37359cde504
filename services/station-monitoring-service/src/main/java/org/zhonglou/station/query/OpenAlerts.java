package org.zhonglou.station.query;

import java.util.List;

/** The open alerts of a station, as the status shows them; provided by the alerting feature. */
public interface OpenAlerts {

    List<?> of(String stationId);
}
