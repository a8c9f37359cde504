package org.zhonglou.station.command;

/**
 * What staff can ask a device to do. Those that set equipment moving (START, RESUME, and RESET, which
 * restarts the device: "fan restarted") are interlocked while a CRITICAL alert of the station is open;
 * STOP and PAUSE only ever make equipment safer, so they always go through.
 */
enum Action {
    START(true),
    STOP(false),
    RESET(true),
    PAUSE(false),
    RESUME(true);

    private final boolean startsEquipment;

    Action(boolean startsEquipment) {
        this.startsEquipment = startsEquipment;
    }

    boolean startsEquipment() {
        return startsEquipment;
    }

    /** The action of a stored command; a name this version does not know is treated as starting equipment. */
    static boolean startsEquipment(String name) {
        for (Action action : values()) {
            if (action.name().equals(name)) {
                return action.startsEquipment;
            }
        }
        return true;
    }
}
