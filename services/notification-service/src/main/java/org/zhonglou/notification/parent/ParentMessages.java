package org.zhonglou.notification.parent;

import org.zhonglou.contracts.EventTypes;

/** The e-mail texts: Chinese by default, English when the guardian's contact says {@code en}. */
final class ParentMessages {

    record Message(String subject, String text) {
    }

    private ParentMessages() {
    }

    /** @return null for an event type that needs no e-mail */
    static Message of(ParentNotice notice, Contact contact) {
        String name = contact.guardianName() == null || contact.guardianName().isBlank() ? null : contact.guardianName();
        return contact.english() ? english(notice, name) : chinese(notice, name);
    }

    private static Message chinese(ParentNotice n, String name) {
        String greeting = (name == null ? "家长" : name) + "您好：\n\n";
        String ref = "（报名编号 " + n.enrollmentId() + "，项目 " + n.programmeId() + "）";
        String sign = "\n\n钟楼区社区服务\n此邮件由系统自动发送，请勿直接回复。\n";
        return switch (n.eventType()) {
            case EventTypes.ENROLLMENT_CONFIRMED -> new Message("报名成功：名额已确认",
                    greeting + "您孩子的报名" + ref + "已确认，名额已为您保留。请留意开班时间与接送安排。" + sign);
            case EventTypes.ENROLLMENT_WAITLISTED -> new Message("已进入候补名单（第 " + n.waitlistPosition() + " 位）",
                    greeting + "目前名额已满，您孩子的报名" + ref + "已进入候补名单，当前为第 " + n.waitlistPosition()
                            + " 位。有名额空出时将按顺序递补，并另行通知您。" + sign);
            case EventTypes.ENROLLMENT_PROMOTED -> new Message("候补转正：名额已确认",
                    greeting + "好消息！有名额空出，您孩子的报名" + ref + "已由候补转为正式录取。" + sign);
            case EventTypes.ENROLLMENT_CANCELLED -> new Message("报名已取消",
                    greeting + "您孩子的报名" + ref + "已取消。如有疑问，请联系社区工作人员。" + sign);
            default -> null;
        };
    }

    private static Message english(ParentNotice n, String name) {
        String greeting = "Dear " + (name == null ? "parent" : name) + ",\n\n";
        String ref = " (enrollment " + n.enrollmentId() + ", programme " + n.programmeId() + ")";
        String sign = "\n\nZhonglou District Community Services\nThis is an automatic message; please do not reply.\n";
        return switch (n.eventType()) {
            case EventTypes.ENROLLMENT_CONFIRMED -> new Message("Enrollment confirmed",
                    greeting + "Your child's enrollment" + ref + " is confirmed; the seat is reserved." + sign);
            case EventTypes.ENROLLMENT_WAITLISTED -> new Message("On the waitlist (position "
                    + n.waitlistPosition() + ")", greeting + "The programme is full. Your child's enrollment" + ref
                    + " is on the waitlist at position " + n.waitlistPosition()
                    + ". We will write again when a seat becomes free." + sign);
            case EventTypes.ENROLLMENT_PROMOTED -> new Message("A seat is free: enrollment confirmed",
                    greeting + "Good news: a seat became free and your child's enrollment" + ref
                            + " moved from the waitlist to confirmed." + sign);
            case EventTypes.ENROLLMENT_CANCELLED -> new Message("Enrollment cancelled",
                    greeting + "Your child's enrollment" + ref + " has been cancelled." + sign);
            default -> null;
        };
    }
}
