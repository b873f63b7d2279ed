import type { Messages } from './messages.js';

export default {
  common: {
    loading: 'جارٍ التحميل…',
    refreshing: 'جارٍ التحديث…',
    retry: 'إعادة المحاولة',
    close: 'إغلاق',
    updatedAt: 'آخر تحديث {{time}}',
    notConfigured: {
      title: 'غير متصل',
      body: 'هذا الجزء من الصفحة غير متصل بأي خدمة بعد. يُرجى المحاولة لاحقًا.',
    },
    readOnly: 'للعرض فقط',
    days_zero: '{{count}} يوم',
    days_one: 'يوم واحد',
    days_two: 'يومان',
    days_few: '{{count}} أيام',
    days_many: '{{count}} يومًا',
    days_other: '{{count}} يوم',
  },
  errors: {
    unauthorized: 'انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.',
    forbidden: 'ليست لديك صلاحية للقيام بذلك.',
    not_found: 'هذا العنصر لم يعد موجودًا.',
    conflict: 'قام شخص آخر بتغيير هذا في هذه الأثناء.',
    validation: 'بعض القيم غير صالحة. يُرجى التحقق من الحقول المميزة.',
    rate_limited: 'طلبات كثيرة جدًا. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
    unavailable: 'الخدمة غير متاحة حاليًا.',
    network: 'تعذّر الوصول إلى الخدمة. تحقق من اتصالك.',
    timeout: 'لم تستجب الخدمة في الوقت المحدد.',
    invalid_response: 'أرسلت الخدمة ردًا لا يمكن عرضه.',
    payment_declined: 'تم رفض الدفع.',
    unsupported: 'هذه الميزة غير متاحة لحسابك.',
    not_configured: 'هذا الجزء من الصفحة غير متصل بأي خدمة بعد.',
  },
  services: {
    calls: 'المكالمات',
    messaging: 'الرسائل',
    subscriptions: 'الاشتراكات',
    data: 'البيانات',
    other: 'أخرى',
  },
} satisfies Messages;
