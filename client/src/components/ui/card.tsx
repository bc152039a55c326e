import type { ComponentProps, ElementType, ReactNode } from 'react';
import './card.css';

type CardProps = ComponentProps<'div'> & {
  as?: ElementType;
  padding?: 'md' | 'lg';
  children: ReactNode;
};

export function Card({ as: Tag = 'div', padding = 'md', className, children, ...rest }: CardProps) {
  return (
    <Tag {...rest} className={['card', `card--${padding}`, className].filter(Boolean).join(' ')}>
      {children}
    </Tag>
  );
}
